import { valueText } from '../../shared/schema-form/describe-parameters';
import { changedParameters, parameterChanges, updatableParameters } from './parameter-changes';

describe('parameter changes of an update', () => {
  const stored = { securityContact: 'a@x.example', serviceType: 'ext', externalRegistrationNumber: '12345' };
  const updateSchema = {
    type: 'object',
    properties: { securityContact: { type: 'string' }, rateLimitPerSecond: { type: 'integer', default: 100 } },
  };

  it('prefills only the parameters the update schema has fields for', () => {
    expect(updatableParameters(stored, updateSchema)).toEqual({ securityContact: 'a@x.example' });
    expect(updatableParameters(stored, { type: 'object' })).toEqual({});
    expect(updatableParameters(stored, undefined)).toEqual(stored);
  });

  it('lists and sends only the keys whose value changed or that are new', () => {
    const changes = parameterChanges(
      { securityContact: 'a@x.example' },
      { securityContact: 'b@y.example', rateLimitPerSecond: 200 },
    );
    expect(changes).toEqual([
      { key: 'securityContact', before: 'a@x.example', after: 'b@y.example' },
      { key: 'rateLimitPerSecond', after: 200 },
    ]);
    expect(changedParameters(changes)).toEqual({ securityContact: 'b@y.example', rateLimitPerSecond: 200 });
  });

  it('ignores unchanged values, also nested ones in another key order', () => {
    const before = { limits: { cpu: 1, memory: 2 }, tags: ['a'] };
    expect(parameterChanges(before, { limits: { memory: 2, cpu: 1 }, tags: ['a'] })).toEqual([]);
    expect(changedParameters(parameterChanges(before, { limits: { memory: 4, cpu: 1 }, tags: ['a'] }))).toEqual({
      limits: { memory: 4, cpu: 1 },
    });
  });

  it('formats values for the difference view', () => {
    expect(valueText('b@y.example')).toBe('b@y.example');
    expect(valueText(200)).toBe('200');
    expect(valueText({ a: [1] })).toBe('{"a":[1]}');
    expect(valueText('eu', { type: 'string', oneOf: [{ description: 'Europe', enum: ['eu'] }] })).toBe('Europe');
  });
});
