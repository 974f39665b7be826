import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';

const TOKEN = 'scraper-token-for-tests-0123456789';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ metricsToken: TOKEN });
});
afterAll(() => t.close());

const scrape = (authorization?: string) => t.anonymous().request({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  it('gives a scraper with the token request rates and latencies by route, the webhook queue and the process figures', async () => {
    const office = await t.signIn('office');
    await office.get('/api/units');
    await office.get('/api/units');
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/icp_http_requests_total\{method="GET",route="\/api\/units",status="200"\} [2-9]/);
    expect(res.body).toContain('icp_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/units"}');
    expect(res.body).toMatch(/icp_webhook_deliveries_pending \d+/);
    expect(res.body).toContain('icp_process_cpu_seconds_total');
  });

  it('does not exist for anyone else: no token, a wrong one, or a signed-in user', async () => {
    expect((await scrape()).statusCode).toBe(404);
    expect((await scrape('Bearer wrong')).statusCode).toBe(404);
    expect((await scrape(`Bearer ${TOKEN}x`)).statusCode).toBe(404);
    expect((await (await t.signIn('sysadmin')).get('/metrics')).statusCode).toBe(404);
  });

  it('is off when no token is configured', async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.anonymous().request({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer ' } })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
