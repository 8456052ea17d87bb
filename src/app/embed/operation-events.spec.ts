import { OperationWatcher } from './operation-events';

describe('OperationWatcher', () => {
  const instances = '/api/projects/p1/service-instances';
  const instance = (state: string, type = 'create') => ({ id: 'i1', name: 'db', lastOperation: { type, state } });

  it('reports an operation that was seen running and has ended', () => {
    const watcher = new OperationWatcher();
    expect(watcher.observe(`${instances}/i1`, instance('succeeded'))).toEqual([]);
    expect(watcher.observe(`${instances}/i1`, instance('in progress', 'update'))).toEqual([]);
    expect(watcher.observe(`${instances}/i1`, instance('in progress', 'update'))).toEqual([]);
    expect(watcher.observe(instances, [instance('failed', 'update')])).toEqual([
      { kind: 'instance', id: 'i1', name: 'db', operation: 'update', state: 'failed' },
    ]);
    expect(watcher.observe(`${instances}/i1`, instance('failed', 'update'))).toEqual([]);
  });

  it('reports a running deletion as finished when the resource is gone', () => {
    const watcher = new OperationWatcher();
    watcher.observe(`${instances}/i1/bindings`, [
      { id: 'b1', lastOperation: { type: 'delete', state: 'in progress' } },
    ]);
    expect(watcher.observe(`${instances}/i1/bindings`, [])).toEqual([
      { kind: 'binding', id: 'b1', operation: 'delete', state: 'succeeded' },
    ]);
    watcher.observe(`${instances}/i1`, instance('in progress', 'delete'));
    expect(watcher.observeGone(`${instances}/i1`)).toEqual([
      { kind: 'instance', id: 'i1', name: 'db', operation: 'delete', state: 'succeeded' },
    ]);
  });

  it('ignores answers of other resources', () => {
    const watcher = new OperationWatcher();
    expect(watcher.observe('/api/catalog', { services: [] })).toEqual([]);
    expect(watcher.observe('/api/me', { id: 'x', lastOperation: { type: 'create', state: 'in progress' } })).toEqual(
      [],
    );
  });
});
