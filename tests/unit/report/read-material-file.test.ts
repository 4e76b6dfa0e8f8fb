import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMaterialFile } from '../../../components/sample-import/readMaterialFile';

const file = (name: string, bytes: BlobPart) => new File([bytes], name);

describe('readMaterialFile', () => {
  it('reads a .docx through mammoth, a paragraph a line', async () => {
    // A minimal Word document (content types, relationships, five paragraphs), zipped with JSZip.
    const docx = new Uint8Array(readFileSync('tests/e2e/files/short-report.docx'));
    const read = await readMaterialFile(file('短报告.docx', docx));
    expect(read.ok && read.text.split(/\n+/).filter(Boolean)).toEqual(['工作总结', '一、主要工作', '完成了xx项任务。', '二、存在问题', '一是学习不够。']);
  });

  it('says a .docx that is a damaged zip cannot be read', async () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    expect(await readMaterialFile(file('坏文件.docx', broken))).toEqual({ ok: false, problem: { kind: 'bad-docx' } });
    expect(await readMaterialFile(file('文本.docx', '一、主要工作'))).toEqual({ ok: false, problem: { kind: 'bad-docx' } });
  });

  it('refuses a 20 MB file before reading it, and an empty or binary one', async () => {
    expect(await readMaterialFile(file('big.txt', new Uint8Array(20 * 1024 * 1024)))).toEqual({
      ok: false,
      problem: { kind: 'too-large', bytes: 20 * 1024 * 1024 },
    });
    expect(await readMaterialFile(file('empty.md', ''))).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(await readMaterialFile(file('scan.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])))).toEqual({ ok: false, problem: { kind: 'binary' } });
  });

  it('reads a text file', async () => {
    expect(await readMaterialFile(file('notes.md', '# 总结\n\n正文'))).toEqual({ ok: true, text: '# 总结\n\n正文' });
  });
});
