/** The platform's clock: the current time in ms since the epoch. Tests inject one they can move. */
export type Clock = () => number;

/** The system clock. */
export const systemClock: Clock = () => Date.now();
