/**
 * Built-in English report skeletons, written for this project. `{{Name}}` marks a field the
 * writer fills once, `TBD` and `xx` what is still to be written or counted.
 */

import type { Template } from '../../db/schema';
import { builtIn, opening, part, sub } from './define';

const quarterlyBusinessReport = builtIn({
  id: 'builtin:en-quarterly-business-report',
  title: 'Quarterly business report',
  kind: 'business-report',
  description: 'Results, metrics, highlights, risks and next-quarter priorities for leadership.',
  language: 'en',
  sections: [
    opening(
      '{{Company}} Quarterly Business Report: {{Quarter}} {{Year}}',
      'Prepared by {{Author}} for {{Audience}}. Figures are as of {{Cut-off date}} and unaudited.',
      'State who the report is for and the date the figures were taken.',
    ),
    part(
      'Executive summary',
      'In {{Quarter}}, revenue reached TBD against a plan of TBD (xx% of plan). The main drivers were TBD. The main concern going into next quarter is TBD.',
      'Three to five sentences a reader can stop after: the result, why, and what needs attention.',
    ),
    part(
      'Financial results',
      'Revenue: TBD (xx% quarter on quarter, xx% year on year).\nGross margin: xx%.\nOperating expenses: TBD, xx% over or under budget.\nCash position at quarter end: TBD.',
      'Compare every figure with the plan and the same quarter last year; explain any variance above 5%.',
    ),
    part(
      'Key metrics',
      'New customers: xx. Churn: xx%. Net revenue retention: xx%. Pipeline for next quarter: TBD.',
      'Keep the same metrics from quarter to quarter so trends stay visible.',
    ),
    part(
      'Highlights by team',
      '',
      'One short paragraph per team: what shipped or closed, and its effect on the numbers.',
      [sub('Sales', 'Closed xx new accounts, including TBD.'), sub('Product', 'Shipped TBD; adoption so far is xx%.'), sub('Operations', 'TBD.')],
    ),
    part(
      'Risks and issues',
      'Risk: TBD. Likelihood and impact: TBD. Mitigation and owner: TBD.',
      'Name an owner for each risk; say what would make it go away.',
    ),
    part(
      'Priorities for next quarter',
      'Priority: TBD. Measure of success: TBD. Owner: {{Owner}}.',
      'At most five priorities, each with a measurable outcome.',
    ),
  ],
});

const incidentPostMortem = builtIn({
  id: 'builtin:en-incident-post-mortem',
  title: 'Incident post-mortem',
  kind: 'post-mortem',
  description: 'A blameless account of an incident: impact, timeline, root cause and action items.',
  language: 'en',
  sections: [
    opening(
      'Post-mortem: {{Incident title}}',
      'Date of incident: {{Incident date}}. Authors: {{Authors}}. Status: draft.',
      'Blameless: describe what systems and processes allowed the failure, not who made a mistake.',
    ),
    part(
      'Summary',
      'On {{Incident date}}, TBD was unavailable for xx minutes because TBD. The incident was resolved by TBD.',
      'Two or three sentences: what happened, for how long, and how it ended.',
    ),
    part(
      'Impact',
      'Users affected: xx (xx% of active users). Requests failed: xx. Revenue or SLA impact: TBD.',
      'Quantify the impact; say how the numbers were measured.',
    ),
    part(
      'Timeline',
      'All times in {{Time zone}}.\nhh:mm  TBD (first symptom)\nhh:mm  TBD (alert fired)\nhh:mm  TBD (mitigation applied)\nhh:mm  TBD (service fully restored)',
      'From the first symptom to full recovery; include when and how the incident was detected.',
    ),
    part(
      'Root cause',
      'TBD. Contributing factors: TBD.',
      'Keep asking why until you reach a cause that an action item can remove.',
    ),
    part('Detection and response', 'The incident was detected by TBD after xx minutes. TBD.', 'Could it have been detected sooner? Did the runbook help?'),
    part('What went well', 'TBD.'),
    part('What went wrong', 'TBD.'),
    part(
      'Action items',
      'Action: TBD. Type: prevent / detect / mitigate. Owner: {{Owner}}. Due: TBD.',
      'Every action item has one owner and a due date, and is tracked in the issue tracker.',
    ),
  ],
});

const projectStatusReport = builtIn({
  id: 'builtin:en-project-status-report',
  title: 'Project status report',
  kind: 'status-report',
  description: 'Where a project stands: overall status, progress, milestones, budget, risks and decisions needed.',
  language: 'en',
  sections: [
    opening(
      '{{Project}} Status Report: {{Reporting period}}',
      'Project manager: {{Project manager}}. Overall status: TBD (green, amber or red).',
      'Give the overall status first, with one line on why.',
    ),
    part('Summary', 'TBD.', 'What changed since the last report, in two or three sentences.'),
    part(
      'Progress since last report',
      'Completed: TBD.\nIn progress: TBD.\nNot started as planned: TBD.',
      'Report against the plan, not a list of activities.',
    ),
    part(
      'Milestones',
      'Milestone: TBD. Planned date: TBD. Forecast date: TBD. Status: TBD.',
      'Flag every milestone whose forecast moved since the last report.',
    ),
    part('Budget', 'Spent to date: TBD of TBD (xx%). Forecast at completion: TBD.', 'Explain any forecast overrun and how it will be covered.'),
    part('Risks and issues', 'Risk or issue: TBD. Impact: TBD. Action and owner: TBD.'),
    part('Decisions needed', 'Decision: TBD. Needed from: {{Decision maker}}. Needed by: TBD.', 'Say what happens if the decision is not made in time.'),
    part('Next steps', 'TBD.'),
  ],
});

export const BUILT_IN_EN: readonly Template[] = [quarterlyBusinessReport, incidentPostMortem, projectStatusReport];
