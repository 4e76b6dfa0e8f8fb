import { describe, expect, it } from 'vitest';
import { latestOnly } from '@/utils/workers/latest-only';

/** A stand-in worker: records what it is sent; the test answers for it. */
function fakeWorker() {
  const sent: { version: number; text: string }[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    terminated: false,
    postMessage(message: { version: number; text: string }) {
      sent.push(message);
    },
    terminate() {
      this.terminated = true;
    },
  };
  const answer = (version: number, result: string) => worker.onmessage!({ data: { version, result } } as MessageEvent);
  return { worker, sent, answer };
}

describe('a worker given the newest job only', () => {
  it('sends one job at a time and, of those given meanwhile, only the newest next', () => {
    const { worker, sent, answer } = fakeWorker();
    const heard: [string, string][] = [];
    const client = latestOnly<string, { version: number; result: string }>(
      worker as unknown as Worker,
      (text, version) => ({ version, text }),
      (text, a) => heard.push([text, a.result]),
    );
    client.give('甲');
    client.give('乙');
    client.give('丙');
    expect(sent).toEqual([{ version: 1, text: '甲' }]);
    answer(1, 'A');
    expect(heard).toEqual([['甲', 'A']]);
    expect(sent).toEqual([
      { version: 1, text: '甲' },
      { version: 2, text: '丙' },
    ]);
    // An answer that is not to the job running is dropped.
    answer(1, 'late');
    expect(heard).toEqual([['甲', 'A']]);
    answer(2, 'C');
    expect(heard).toEqual([
      ['甲', 'A'],
      ['丙', 'C'],
    ]);
    // Idle again: the next job goes at once.
    client.give('丁');
    expect(sent.at(-1)).toEqual({ version: 3, text: '丁' });
  });

  it('stops: the worker ends and nothing more is sent or heard', () => {
    const { worker, sent, answer } = fakeWorker();
    const heard: string[] = [];
    const client = latestOnly<string, { version: number; result: string }>(worker as unknown as Worker, (text, version) => ({ version, text }), (text) => heard.push(text));
    client.give('甲');
    client.stop();
    answer(1, 'A');
    client.give('乙');
    expect(worker.terminated).toBe(true);
    expect(heard).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});
