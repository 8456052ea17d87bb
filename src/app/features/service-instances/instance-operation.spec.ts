import { operationLabel } from './instance-operation';

describe('operationLabel', () => {
  it('says what the broker is doing with an instance, as a verb, while it works', () => {
    expect(operationLabel({ type: 'create', state: 'in progress' })).toBe('Provisioning…');
    expect(operationLabel({ type: 'update', state: 'in progress' })).toBe('Updating…');
    expect(operationLabel({ type: 'delete', state: 'in progress' })).toBe('Deprovisioning…');
    expect(operationLabel({ type: 'create', state: 'failed' })).toBe('Provisioning failed');
  });
});
