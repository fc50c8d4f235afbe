// Counts as people read them: 20,000, not 20000.

const FORMAT = new Intl.NumberFormat('en-GB');

export const formatCount = (n: number): string => FORMAT.format(n);
