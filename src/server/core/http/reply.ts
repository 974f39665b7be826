import type { FastifyReply } from 'fastify';

/** Sends a generated .xlsx as a download with a UTF-8 file name. */
export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}
