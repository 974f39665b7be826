import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';

let t: TestApp;
let office: Client;
let daying: Client;
let chengguan: Client;

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const upload = (client: Client, url: string) => uploadFile(client, url, '现场照片.png', PNG, 'image/png');

beforeAll(async () => {
  t = await createTestApp();
  [office, daying, chengguan] = await Promise.all([t.signIn('office'), t.signIn('daying'), t.signIn('chengguan')]);
});
afterAll(() => t.close());

describe('task attachments', () => {
  it('follow the task: its units attach while it is open, other townships see nothing', async () => {
    const task = (await office.post('/api/tasks', { title: '报送企业用电台账', ownerUnitId: await t.unitId('daying'), dueInWorkingDays: 3 })).json();
    expect((await upload(daying, `/api/attachments/task/${task.id}`)).statusCode).toBe(200);
    expect((await upload(chengguan, `/api/attachments/task/${task.id}`)).statusCode).toBe(404);
    expect((await chengguan.get(`/api/attachments?ownerType=task&ownerId=${task.id}`)).statusCode).toBe(404);
    const list = (await office.get(`/api/attachments?ownerType=task&ownerId=${task.id}`)).json();
    expect(list.items.map((a: { fileName: string }) => a.fileName)).toEqual(['现场照片.png']);

    await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'submit', reason: '已报送' });
    await office.post(`/api/tasks/${task.id}/transitions`, { action: 'accept' });
    // A finished task's evidence is closed with it.
    expect((await upload(daying, `/api/attachments/task/${task.id}`)).statusCode).toBe(403);
    expect((await daying.get(`/api/attachments?ownerType=task&ownerId=${task.id}`)).json().canWrite).toBe(false);
  });
});
