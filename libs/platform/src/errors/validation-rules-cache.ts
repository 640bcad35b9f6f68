import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const REMEMBERED = Symbol.for('inventory.validationRulesRemembered');

/**
 * Makes class-validator look up each class's rules once instead of on every `validate()`.
 *
 * For every object it validates (each nested one too), class-validator collects the class's
 * rules and those it inherits by testing every decorated class of the process for
 * inheritance (typestack/class-validator#2686), then groups them by property: a cost that
 * grows with the number of DTOs in the app, paid on every request (about 4 % of the
 * gateway's CPU under load). A class's rules are registered when the class is defined, and
 * its ancestors are defined before it, so the answer for a class never changes once it can
 * be validated: it is kept per class and per set of options (groups, `always`, strict
 * groups). The arrays are class-validator's own results, which it only reads.
 *
 * Idempotent; called by `createValidationPipe`, which every app's bootstrap uses.
 */
export function rememberValidationRules(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [REMEMBERED]?: true };
  if (marked[REMEMBERED]) return;
  marked[REMEMBERED] = true;

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const byClass = new WeakMap<object, Map<string, Rules>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // A schema name instead of a class: rare, and not keyed by an object; looked up each time.
    if (typeof target !== 'function') return lookUp(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forClass = byClass.get(target);
    if (!forClass) byClass.set(target, (forClass = new Map()));
    let rules = forClass.get(key);
    if (!rules) forClass.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };

  const group = storage.groupByPropertyName.bind(storage);
  const grouped = new WeakMap<Rules, Grouped>();
  storage.groupByPropertyName = (rules) => {
    let byProperty = grouped.get(rules);
    if (!byProperty) grouped.set(rules, (byProperty = group(rules)));
    return byProperty;
  };
}
