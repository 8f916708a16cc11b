// End-to-end sign-in of the supervisors' page against the local Keycloak (authorization code + PKCE with the
// realm's public client): opens the page, signs in on Keycloak's form, and waits for the page to show the queues.
// Not part of the test run (it needs Keycloak and the service on :8080); see README.
//   node src/test/js/supervisor-sign-in.mjs [page url] [username] [password] [screenshot path]
import { launch } from './chromium.mjs';

const [url = 'http://localhost:8080/supervisor/', username = 'supervisor.gt', password = 'demo',
  screenshot = 'target/supervisor-sign-in.png'] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(url);
  await page.waitForSelector('#username', { timeout: 30000 });
  const signInPage = page.url();
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(u => u.toString().startsWith(url), { timeout: 30000 }), page.click('#kc-login')]);
  await page.waitForSelector('body[data-ready]', { timeout: 30000 });
  const shown = await page.evaluate(() => ({
    ready: document.body.dataset.ready, status: document.getElementById('status').textContent,
    badges: document.querySelectorAll('.counts').length, rows: document.querySelectorAll('#queues tbody tr').length
  }));
  shown.signInPage = signInPage.replace(/\?.*/, '');
  shown.pkce = /code_challenge_method=S256/.test(signInPage);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify(shown));
  process.exitCode = shown.ready === 'true' ? 0 : 1;
} finally {
  await browser.close();
}
