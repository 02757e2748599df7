import { describe, expect, it } from 'vitest';
import { type PositionedText, pageReadingOrder } from '../../src/documents/pdf-layout.ts';

/** Items as pdf.js reports them for Helvetica 11: about 5.5 points a character. */
function item(x: number, y: number, str: string): PositionedText {
  return { str, x, y, width: str.length * 5.5, height: 11 };
}

describe('pageReadingOrder', () => {
  it('orders lines top to bottom and items left to right, whatever the stream order', () => {
    const items = [item(56, 700, 'second line'), item(56, 716, 'first'), item(92, 716, 'line')];
    expect(pageReadingOrder(items)).toBe('first line\nsecond line');
  });

  it('keeps right-aligned dates on the line of their role (no gutter split)', () => {
    const items = [
      item(56, 716, 'Senior Engineer, Acme'),
      item(480, 716, '2019 - 2023'),
      item(56, 700, 'Engineer, Initech'),
      item(480, 700, '2015 - 2019'),
      item(56, 684, 'Developer, Globex'),
      item(480, 684, '2012 - 2015'),
    ];
    expect(pageReadingOrder(items)).toBe(
      'Senior Engineer, Acme 2019 - 2023\nEngineer, Initech 2015 - 2019\nDeveloper, Globex 2012 - 2015',
    );
  });

  it('reads a sidebar before the main column when their rows do not line up', () => {
    const sidebar = ['Skills', 'Go', 'Rust', 'Kafka'].map((t, i) => item(56, 720 - i * 14, t));
    const main = ['Experience', 'Engineer, Acme', '2019 - 2023'].map((t, i) => item(230, 720 - i * 19, t));
    const text = pageReadingOrder([...main, ...sidebar].sort((a, b) => b.y - a.y));
    expect(text).toBe('Skills\nGo\nRust\nKafka\n\nExperience\nEngineer, Acme\n2019 - 2023');
  });

  it('separates paragraphs at a gap of about two lines', () => {
    expect(pageReadingOrder([item(56, 700, 'Summary'), item(56, 660, 'Experience')])).toBe(
      'Summary\n\nExperience',
    );
  });
});
