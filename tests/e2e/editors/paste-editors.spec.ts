import { testEditorContract } from '../editor-contract';

// Editors that take insertions through their own paste pipeline.

testEditorContract({
  family: 'prosemirror',
  name: 'ProseMirror',
  page: 'editors/tiptap.html',
  variant: 'TipTap 3',
  richHeading: /<p>[^<]*完成了xx项任务。<\/p><h2>三、下一步打算<\/h2><p>持续深化理论学习。<\/p><p>加强制度建设。<\/p><h2>二、存在问题/,
});

testEditorContract({
  family: 'lexical',
  name: 'Lexical',
  page: 'editors/lexical.html',
  // Lexical wraps each text run in a <span>.
  richHeading:
    /完成了xx项任务。<\/span><\/p><h2[^>]*><span[^>]*>三、下一步打算<\/span><\/h2><p[^>]*><span[^>]*>持续深化理论学习。<\/span><\/p><p[^>]*><span[^>]*>加强制度建设。<\/span><\/p><h2/,
});

testEditorContract({
  family: 'quill',
  name: 'Quill',
  page: 'editors/quill.html',
  richHeading: /<p>[^<]*完成了xx项任务。<\/p><h2>三、下一步打算<\/h2><p>持续深化理论学习。<\/p><p>加强制度建设。<\/p><h2>二、存在问题/,
});

testEditorContract({
  family: 'ckeditor5',
  name: 'CKEditor 5',
  page: 'editors/ckeditor5.html',
  richHeading: /<p>[^<]*完成了xx项任务。<\/p><h2>三、下一步打算<\/h2><p>持续深化理论学习。<\/p><p>加强制度建设。<\/p><h2>二、存在问题/,
});
