// Renders the supervisors' page in headless Chromium (Debian's, driven by playwright-core) and prints what it shows
// as JSON: the counts drawn on the diagram's activities and the queue table's rows. Used by SupervisorPageIT.
//   node src/test/js/supervisor-page.mjs <page url> <access token> <screenshot path>
import { launch } from './chromium.mjs';

const [url, token, screenshot] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  // a resource or script the Content-Security-Policy blocked shows as a console error
  page.on('console', m => { if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) errors.push(m.text()); });
  // the token a signed-in tab would hold; the page's API calls carry it and the service validates it
  await page.addInitScript(t => sessionStorage.setItem('smo.access_token', t), token);
  const response = await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 30000 });
  const shown = await page.evaluate(() => ({
    ready: document.body.dataset.ready,
    status: document.getElementById('status').textContent,
    badges: [...document.querySelectorAll('.counts')].map(b => ({
      activity: b.dataset.activity, open: Number(b.dataset.open), overdue: Number(b.dataset.overdue), text: b.textContent,
      visible: b.getBoundingClientRect().width > 0
    })),
    rows: [...document.querySelectorAll('#queues tbody tr')].map(r => [...r.children].map(td => td.textContent)),
    shapes: document.querySelectorAll('#diagram .djs-element').length
  }));
  shown.errors = errors;
  shown.headers = await response.allHeaders();
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify(shown));
} finally {
  await browser.close();
}
