import { InvalidArgumentError } from 'commander';

/** Parsers for admin command arguments: bad input stops the command with commander's usage error. */
export function parseId(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1)
    throw new InvalidArgumentError('must be a positive whole number (an id).');
  return value;
}

export function parseCount(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
    throw new InvalidArgumentError('must be a whole number, 0 or more.');
  return value;
}

/** API key names, as the key creation endpoint accepts them: 1 to 100 characters. */
export function parseKeyName(text: string): string {
  const name = text.trim();
  if (name.length === 0 || name.length > 100) throw new InvalidArgumentError('must be 1 to 100 characters.');
  return name;
}

export function parseOnOff(text: 'on' | 'off'): boolean {
  return text === 'on';
}
