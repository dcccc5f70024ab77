import * as net from 'net';

/**
 * Sends one command to an HAProxy CLI socket (the runtime API of a worker, or the master CLI)
 * and returns the whole answer; HAProxy closes the connection after a non-interactive command.
 */
export async function haproxySocketCommand(socketPath: string, command: string, timeoutMs = 5000): Promise<string> {
  if (/[\r\n;]/.test(command)) throw new Error(`HAProxy CLI command "${command}" holds a line break or ";". Send one command at a time.`);
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let answer = '';
    const timer = setTimeout(() => socket.destroy(new Error(`no answer from ${socketPath} to "${command}" in ${timeoutMs} ms`)), timeoutMs);
    socket.on('connect', () => socket.end(`${command}\n`));
    socket.on('data', (data) => (answer += data.toString('utf8')));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}
