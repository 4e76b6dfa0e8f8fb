/**
 * `npm run bench:corpus`: runs `findPlaceholders` over every corpus document and prints recall
 * and precision per type and overall, false alarms per 10,000 characters on the issued
 * documents, and each document's first misses and false alarms. The held-out `outside/` and
 * `held-out/` documents are reported apart, as figures only.
 */
import { findPlaceholders } from '../../utils/report/placeholders';
import { labelProblems, readCorpus, type CorpusSet } from './corpus-fixtures';
import { scoreCorpus, type CorpusFigures } from './corpus-score';

const SHOWN_PER_DOCUMENT = 5;

const percent = (part: number, whole: number) => (whole === 0 ? '    –' : `${((part / whole) * 100).toFixed(1).padStart(5)}%`);
const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);

function score(set: CorpusSet): CorpusFigures {
  const documents = readCorpus(set);
  // A label that does not fit its text would score nonsense: stop and say which.
  const broken = documents.flatMap((doc) => labelProblems(doc.text, doc.labels).map((problem) => `${doc.id}: ${problem}`));
  if (broken.length) {
    console.error(`The corpus labels do not fit their texts:\n  ${broken.join('\n  ')}`);
    process.exit(1);
  }
  return scoreCorpus(
    documents.map((doc) => ({
      id: doc.id,
      kind: doc.labels.kind,
      length: doc.text.length,
      labels: doc.labels.blanks,
      findings: findPlaceholders(doc.text),
    })),
  );
}

/** Held-out documents are scored in aggregate only, so that nobody tunes the engine on their blanks. */
function print(title: string, figures: CorpusFigures, { perDocument }: { perDocument: boolean }): void {
  console.log(`\n${title}: ${figures.documents.length} documents, ${figures.labels} blanks labelled, ${figures.findings} found by the engine`);
  console.log(`  ${'type'.padEnd(12)} ${'labels'.padStart(6)} ${'recall'.padStart(7)} ${'typed right'.padStart(11)} ${'findings'.padStart(8)} ${'precision'.padStart(9)}`);
  for (const [type, f] of Object.entries(figures.byType).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      `  ${type.padEnd(12)} ${String(f.labels).padStart(6)} ${percent(f.found, f.labels).padStart(7)} ${percent(f.typedRight, f.found).padStart(11)} ${String(f.findings).padStart(8)} ${percent(f.findingsMatched, f.findings).padStart(9)}`,
    );
  }
  const typedRight = Object.values(figures.byType).reduce((sum, f) => sum + f.typedRight, 0);
  console.log(`  ${'overall'.padEnd(12)} ${String(figures.labels).padStart(6)} ${percent(figures.matched, figures.labels).padStart(7)} ${percent(typedRight, figures.matched).padStart(11)} ${String(figures.findings).padStart(8)} ${percent(figures.matched, figures.findings).padStart(9)}`);
  if (figures.issuedCharacters > 0) {
    console.log(
      `  false alarms on issued documents: ${figures.issuedFalseAlarms} in ${figures.issuedCharacters} characters = ${figures.falseAlarmsPer10k.toFixed(2)} per 10,000 characters`,
    );
  }
  if (!perDocument) return;
  console.log('\n  per document (misses: labelled blanks not found; false alarms: findings matching no label)');
  for (const doc of figures.documents) {
    const labelled = doc.matches.length + doc.misses.length;
    console.log(`  ${doc.id} [${doc.kind}] found ${doc.matches.length}/${labelled}, false alarms ${doc.falseAlarms.length}`);
    if (doc.misses.length) {
      const shown = doc.misses.slice(0, SHOWN_PER_DOCUMENT).map((b) => `${quote(b.text)} ${b.type}@${b.start}`);
      console.log(`      misses: ${shown.join(', ')}${doc.misses.length > SHOWN_PER_DOCUMENT ? ', …' : ''}`);
    }
    if (doc.falseAlarms.length) {
      const shown = doc.falseAlarms.slice(0, SHOWN_PER_DOCUMENT).map((f) => `${quote(f.text)} ${f.kind}@${f.start}`);
      console.log(`      false alarms: ${shown.join(', ')}${doc.falseAlarms.length > SHOWN_PER_DOCUMENT ? ', …' : ''}`);
    }
  }
}

print('Corpus (tests/fixtures/corpus)', score('main'), { perDocument: true });
print('Outside corpus (tests/fixtures/corpus/outside: held out, figures only)', score('outside'), { perDocument: false });
print('Held-out corpus (tests/fixtures/corpus/held-out: never tuned on, figures only)', score('held-out'), { perDocument: false });
