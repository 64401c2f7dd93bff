import { describe, expect, it } from 'vitest';
import { holdTarget, mayRelease } from '@/lib/connections/hold-target';

describe('where "Keep this message" is marked in the tool', () => {
  it('labels the message in mail tools and tags the ticket or conversation in helpdesks', () => {
    expect(holdTarget('gmail', 't1', 'm1')).toMatchObject({ kind: 'message', id: 'm1' });
    expect(holdTarget('outlook', 't1', 'm1')).toMatchObject({ kind: 'message', id: 'm1' });
    expect(holdTarget('zendesk', '4821', 'c9')).toMatchObject({ kind: 'ticket', id: '4821' });
    expect(holdTarget('freshdesk', '311', 'c9')).toMatchObject({ kind: 'ticket', id: '311' });
    expect(holdTarget('helpscout', '2712345', 'c9')).toMatchObject({ kind: 'conversation', id: '2712345' });
    expect(holdTarget('meta', 'x', 'y')).toBeUndefined();
  });

  it('keeps a conversation tag while another message of it is still kept', () => {
    expect(mayRelease('zendesk', true)).toBe(false);
    expect(mayRelease('zendesk', false)).toBe(true);
    expect(mayRelease('gmail', true)).toBe(true);
  });
});
