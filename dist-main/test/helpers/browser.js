import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
export const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
/**
 * Debian's chromium, headless, with a fresh profile (one browser = one user's cookie jar); the
 * context trusts the self-signed certificate. Playwright takes the profile directory as the
 * persistent context's userDataDir (it refuses a --user-data-dir argument).
 */
export async function launchBrowser() {
    const profile = mkdtempSync(join(tmpdir(), 'tollgate-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        headless: true,
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
        ],
        ignoreHTTPSErrors: true,
        viewport: { width: 1200, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => {
        throw new Error(`page error: ${err.message}`);
    });
    return {
        context,
        page,
        async close() {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
        },
    };
}
export async function screenshot(page, name) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
//# sourceMappingURL=browser.js.map