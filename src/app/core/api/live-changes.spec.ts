import { parseChangeEvent } from './live-changes';

describe('the change stream', () => {
  it('reads change events of instances and bindings', () => {
    expect(parseChangeEvent('event: change\ndata: {"kind":"instance","instanceId":"i-1"}')).toEqual({
      type: 'change',
      kind: 'instance',
      instanceId: 'i-1',
    });
    expect(parseChangeEvent('event: change\r\ndata: {"kind":"binding","instanceId":"i-1","bindingId":"b-2"}')).toEqual({
      type: 'change',
      kind: 'binding',
      instanceId: 'i-1',
      bindingId: 'b-2',
    });
  });

  it('ignores comments, other events and malformed data', () => {
    expect(parseChangeEvent(': heartbeat')).toBeUndefined();
    expect(parseChangeEvent('retry: 5000\n: connected')).toBeUndefined();
    expect(parseChangeEvent('event: other\ndata: {"kind":"instance","instanceId":"i-1"}')).toBeUndefined();
    expect(parseChangeEvent('event: change\ndata: {not json')).toBeUndefined();
    expect(parseChangeEvent('event: change\ndata: {"kind":"project","instanceId":"i-1"}')).toBeUndefined();
    expect(parseChangeEvent('event: change\ndata: {"kind":"instance","instanceId":7}')).toBeUndefined();
  });
});
