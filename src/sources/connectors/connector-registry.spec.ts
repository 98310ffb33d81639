import { CONNECTORS, getConnector } from './connector-registry.js';
import { SOURCE_TYPES } from './connector.types.js';

describe('getConnector', () => {
  it('should give a connector for every pulled source type and none for push', () => {
    for (const type of SOURCE_TYPES) {
      const connector = getConnector(type);
      if (type === 'push') {
        expect(connector).toBeUndefined();
      } else {
        expect(connector?.type).toBe(type);
      }
    }
    expect(getConnector('constructor' as never)).toBeUndefined();
  });

  it('should declare every secret config key as a secret field, never as a url field', () => {
    for (const connector of Object.values(CONNECTORS)) {
      expect(connector.urlFields.some((field) => connector.secretFields.includes(field))).toBe(false);
    }
    expect(CONNECTORS.x.secretFields).toEqual(['bearerToken']);
    expect(CONNECTORS.rss.urlFields).toEqual(['url']);
  });
});
