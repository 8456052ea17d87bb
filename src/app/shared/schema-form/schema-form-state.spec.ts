import { computed } from '@angular/core';

import { SchemaFormState } from './schema-form-state';

describe('SchemaFormState messages', () => {
  it('gives the messages at a pointer, each once', () => {
    const state = new SchemaFormState();
    state.problems.set([
      { path: '#/size', message: 'Too large' },
      { path: '#/size', message: 'Too large' },
      { path: '#/name', message: 'Required' },
    ]);
    expect(state.messagesAt('/size')).toEqual(['Too large']);
    expect(state.messagesAt('/name')).toEqual(['Required']);
    expect(state.messagesAt('/other')).toEqual([]);
  });

  it('changes a field’s messages only when they change, not on every new list of problems', () => {
    const state = new SchemaFormState();
    state.problems.set([{ path: '#/size', message: 'Too large' }]);
    const nameMessages = state.messagesOf(() => '/name');
    const sizeMessages = state.messagesOf(() => '/size');
    let nameReads = 0;
    let sizeReads = 0;
    const name = computed(() => (nameReads++, nameMessages()));
    const size = computed(() => (sizeReads++, sizeMessages()));
    name();
    size();

    state.problems.set([{ path: '#/size', message: 'Too large' }]);
    name();
    size();
    expect([nameReads, sizeReads]).toEqual([1, 1]);

    state.problems.set([{ path: '#/size', message: 'Too small' }]);
    name();
    expect(size()).toEqual(['Too small']);
    expect([nameReads, sizeReads]).toEqual([1, 2]);
  });

  it('does not count an equal list of problems as a change, so a keystroke that keeps them looks at no field', () => {
    const state = new SchemaFormState();
    state.problems.set([{ path: '#/size', message: 'Too large' }]);
    let reads = 0;
    const watched = computed(() => (reads++, state.problems()));
    watched();

    state.problems.set([{ path: '#/size', message: 'Too large' }]);
    watched();
    expect(reads).toBe(1);

    state.problems.set([]);
    expect(watched()).toEqual([]);
    expect(reads).toBe(2);
  });
});
