/**
 * The panel's side of a worker that answers one job at a time, each answer carrying the version
 * of its job: of the jobs given while the worker is busy, only the newest is sent next. A long
 * document edited fast is thus worked on at the worker's pace, never queued up behind it.
 */
export interface LatestOnly<J> {
  give(job: J): void;
  stop(): void;
}

export function latestOnly<J, A extends { version: number }>(
  worker: Worker,
  toMessage: (job: J, version: number) => unknown,
  onAnswer: (job: J, answer: A) => void,
): LatestOnly<J> {
  let version = 0;
  let running: { version: number; job: J } | null = null;
  let waiting: { job: J } | null = null;
  let stopped = false;

  const send = (job: J) => {
    running = { version: ++version, job };
    worker.postMessage(toMessage(job, version));
  };
  worker.onmessage = (event: MessageEvent<A>) => {
    const answer = event.data;
    if (stopped || !running || answer.version !== running.version) return;
    const { job } = running;
    running = null;
    // An answer to a job already overtaken is still given: each comes with the job it answers.
    onAnswer(job, answer);
    if (waiting) {
      send(waiting.job);
      waiting = null;
    }
  };
  return {
    give(job) {
      if (stopped) return;
      if (running) waiting = { job };
      else send(job);
    },
    stop() {
      stopped = true;
      worker.terminate();
    },
  };
}
