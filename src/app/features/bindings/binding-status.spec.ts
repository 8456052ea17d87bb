import { bindingOperationLabel } from './binding-status';

describe('bindingOperationLabel', () => {
  it('says what the broker is doing with a binding, as a verb, while it works', () => {
    expect(bindingOperationLabel({ type: 'create', state: 'in progress' })).toBe('Creating…');
    expect(bindingOperationLabel({ type: 'delete', state: 'in progress' })).toBe('Deleting…');
    expect(bindingOperationLabel({ type: 'expire', state: 'in progress' })).toBe('Expired, deleting…');
  });

  it('names what failed or how it ended once the broker is done with a binding', () => {
    expect(bindingOperationLabel({ type: 'create', state: 'succeeded' })).toBe('Ready');
    expect(bindingOperationLabel({ type: 'create', state: 'failed' })).toBe('Creation failed');
    expect(bindingOperationLabel({ type: 'delete', state: 'succeeded' })).toBe('Deleted');
    expect(bindingOperationLabel({ type: 'delete', state: 'failed' })).toBe('Deletion failed');
    expect(bindingOperationLabel({ type: 'expire', state: 'succeeded' })).toBe('Expired');
    expect(bindingOperationLabel({ type: 'expire', state: 'failed' })).toBe('Deletion after expiry failed');
  });
});
