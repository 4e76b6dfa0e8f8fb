// An editable about:blank frame written by script, the way iframe editors build theirs.
const frame = document.getElementById('framed');
const doc = frame.contentDocument;
doc.open();
doc.write(
  '<!doctype html><html><head><meta charset="utf-8"><title>情况报告</title>' +
    '<style>body{font:15px/1.7 system-ui,sans-serif;margin:12px}</style></head><body>' +
    '<p>关于{{单位名称}}xxxx年度工作情况的报告</p><p>一、基本情况</p><p>截至x月底，共完成项目xx个。</p>' +
    '</body></html>',
);
doc.close();
doc.designMode = 'on';
