// The embed demo: a portal page giving a disclosure to <budget-check>, and calling the API directly.
import { init, check } from './budget-check.js';

const SAMPLE = './pkg/samples/001_0733fe522b96b6fc.txt';

const text = await (await fetch(SAMPLE)).text();
document.getElementById('demo').text = text;

await init();
const report = await check(text, { lang: 'zh' });
document.getElementById('api-result').textContent =
  `check() 返回 ${report.findings.length} 条发现，其中 ${report.summary.errors} 个错误；识别表格 ${report.tables.length} 张。`;
document.body.dataset.ready = 'true';
