import { testEditorContract } from '../editor-contract';

// Editor libraries with no adapter of their own: the plain contenteditable path serves them.

// Some keep the heading's text in a styled <span>.
const heading = /<h2[^>]*>(<span[^>]*>)?三、下一步打算(<\/span>)?<\/h2>/;

for (const [library, page] of [
  ['pell 1.0.6', 'pell'],
  ['Squire 2.4.8', 'squire'],
  ['medium-editor 5.23.3', 'medium-editor'],
  ['Jodit 4.15.13', 'jodit'],
  ['SunEditor 3.3.3', 'suneditor'],
  ['Summernote 0.9.1', 'summernote'],
  ['Froala 5.4.0', 'froala'],
  // Copies what it shows into the form field it submits on a key release.
  ['Trumbowyg 2.31.0', 'trumbowyg'],
] as const) {
  testEditorContract({ family: 'contenteditable', name: 'Rich text', library, page: `editors/${page}.html`, richHeading: heading });
}

testEditorContract({
  family: 'contenteditable',
  name: 'Rich text',
  library: 'roosterjs 9.7.0',
  page: 'editors/roosterjs.html',
  richHeading: heading,
  limits: {
    fillAll: { fail: 'roosterjs splits the last paragraph when one paste spans two sections: the second blank lands on a line of its own' },
  },
});

testEditorContract({
  family: 'contenteditable',
  name: 'Rich text',
  library: 'Editor.js 2.31.7',
  page: 'editors/editorjs.html',
  richHeading: heading,
  limits: {
    insertRich: { fail: 'Editor.js keeps no undo history of its own, and a section inserted into one block stays in that block' },
    fillAll: { fail: 'Editor.js keeps no undo history of its own: each fill across its blocks is its own browser undo step' },
  },
});

const aceReason = 'Ace draws its own text and takes keys through a hidden 3-pixel text field: no editor is offered there';
testEditorContract({
  family: 'textarea',
  name: 'Text area',
  library: 'Ace 1.45.2',
  page: 'editors/ace.html',
  richHeading: null,
  limits: {
    detected: { fail: aceReason },
    insertPlain: { skip: aceReason },
    insertRich: { skip: aceReason },
    readText: { skip: aceReason },
    select: { skip: aceReason },
    fill: { skip: aceReason },
    fillAll: { skip: aceReason },
    highlight: { skip: aceReason },
  },
});
