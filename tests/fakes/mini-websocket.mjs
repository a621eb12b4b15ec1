// The least of RFC 6455 the ComfyUI fake needs, on node:net / node:http (Node 20 has no WebSocket
// without a flag, and no package is added for a test fake): the server handshake, unmasked text
// frames out, masked frames in (close only), and a client that reads text frames for Node tests.
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const acceptOf = (key) => createHash('sha1').update(key + GUID).digest('base64');

/** Encodes one frame (FIN set); `mask` for client → server frames. */
export function encodeFrame(opcode, payload, mask = false) {
  const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  const len = data.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(len)); return b; })()]);
  if (!mask) return Buffer.concat([head, data]);
  head[1] |= 0x80;
  const key = randomBytes(4);
  const masked = Buffer.from(data.map((byte, i) => byte ^ key[i % 4]));
  return Buffer.concat([head, key, masked]);
}

/** Reads whole frames off a growing buffer; returns the frames and what is left. */
export function decodeFrames(buffer) {
  const frames = [];
  let at = 0;
  while (buffer.length - at >= 2) {
    const opcode = buffer[at] & 0x0f;
    const masked = (buffer[at + 1] & 0x80) !== 0;
    let len = buffer[at + 1] & 0x7f;
    let off = at + 2;
    if (len === 126) { if (buffer.length < off + 2) break; len = buffer.readUInt16BE(off); off += 2; }
    else if (len === 127) { if (buffer.length < off + 8) break; len = Number(buffer.readBigUInt64BE(off)); off += 8; }
    const key = masked ? buffer.subarray(off, off + 4) : undefined;
    if (masked) off += 4;
    if (buffer.length < off + len) break;
    const payload = Buffer.from(buffer.subarray(off, off + len));
    if (key) for (let i = 0; i < payload.length; i++) payload[i] ^= key[i % 4];
    frames.push({ opcode, payload });
    at = off + len;
  }
  return { frames, rest: buffer.subarray(at) };
}

/** Completes a server-side upgrade; returns a peer with sendJson and close, or undefined for a bad request. */
export function acceptUpgrade(req, socket, onClose) {
  const key = req.headers['sec-websocket-key'];
  if (!key || req.headers.upgrade?.toLowerCase() !== 'websocket') {
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    return undefined;
  }
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptOf(key)}\r\n\r\n`);
  let buffer = Buffer.alloc(0);
  let open = true;
  const peer = {
    sendJson: (value) => open && socket.write(encodeFrame(0x1, JSON.stringify(value))),
    close: () => { if (open) { open = false; socket.end(encodeFrame(0x8, Buffer.alloc(0))); } },
    destroy: () => { open = false; socket.destroy(); },
  };
  socket.on('data', (chunk) => {
    const { frames, rest } = decodeFrames(Buffer.concat([buffer, chunk]));
    buffer = rest;
    for (const f of frames) if (f.opcode === 0x8) peer.close();
  });
  socket.on('close', () => { open = false; onClose(); });
  socket.on('error', () => {});
  return peer;
}

/**
 * A WebSocket-like client for Node tests (onopen, onmessage({data}), onclose, close()), the shape
 * the app's ComfyUI client takes in place of the browser's WebSocket.
 */
export function connectWebSocket(url) {
  const ws = { onopen: null, onmessage: null, onclose: null, onerror: null, readyState: 0, close() { this.readyState = 3; socket?.end(encodeFrame(0x8, Buffer.alloc(0), true)); } };
  let socket;
  const u = new URL(url.replace(/^ws/, 'http'));
  const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64') } });
  let closed = false;
  const closeOnce = () => { if (closed) return; closed = true; ws.readyState = 3; ws.onclose?.({ code: 1006 }); };
  req.on('upgrade', (_res, s) => {
    socket = s;
    ws.readyState = 1;
    ws.onopen?.({});
    let buffer = Buffer.alloc(0);
    s.on('data', (chunk) => {
      const { frames, rest } = decodeFrames(Buffer.concat([buffer, chunk]));
      buffer = rest;
      for (const f of frames) {
        if (f.opcode === 0x1) ws.onmessage?.({ data: f.payload.toString('utf8') });
        else if (f.opcode === 0x8) s.end();
      }
    });
    s.on('close', closeOnce);
    s.on('error', closeOnce);
  });
  req.on('error', () => { ws.onerror?.({}); closeOnce(); });
  req.on('response', () => closeOnce());
  req.end();
  return ws;
}
