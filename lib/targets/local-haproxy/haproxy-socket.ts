import * as net from 'net';

/**
 * How often a connection the socket turns away (`EAGAIN`: its accept queue is full, e.g. while
 * a reload hands the listener to a new worker) is tried again, and the pause before each try.
 * Nothing has been sent then, so trying again is safe for every command.
 */
const BUSY_RETRIES = 8;
const BUSY_PAUSE_MS = 25;

/**
 * Sends one command to an HAProxy CLI socket (the runtime API of a worker, or the master CLI)
 * and returns the whole answer; HAProxy closes the connection after a non-interactive command.
 * One connection at a time per call: callers send their commands one after another, never
 * many at once (the socket's accept queue is short). A busy socket is tried again a few times.
 */
export async function haproxySocketCommand(socketPath: string, command: string, timeoutMs = 5000): Promise<string> {
  if (/[\r\n;]/.test(command)) throw new Error(`HAProxy CLI command "${command}" holds a line break or ";". Send one command at a time.`);
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendOnce(socketPath, command, timeoutMs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || attempt >= BUSY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS * (attempt + 1)));
    }
  }
}

/** Sends each command in turn on its own connection (never several connections at once); the answers in order. */
export async function haproxySocketCommands(socketPath: string, commands: string[]): Promise<string[]> {
  const answers: string[] = [];
  for (const command of commands) answers.push(await haproxySocketCommand(socketPath, command));
  return answers;
}

function sendOnce(socketPath: string, command: string, timeoutMs: number): Promise<string> {
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
    socket.on('close', (hadError) => {
      clearTimeout(timer);
      if (!hadError) resolve(answer);
    });
  });
}
