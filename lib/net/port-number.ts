/** The port numbers a TCP or UDP service can listen on: 1 to 65535 (0 is no port). */
export const PORT_NUMBERS = { min: 1, max: 65535 } as const;

/** Whether a value is a whole port number in 1-65535. */
export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= PORT_NUMBERS.min && value <= PORT_NUMBERS.max;
}
