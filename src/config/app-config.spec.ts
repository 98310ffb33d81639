import { loadAppConfig } from './app-config.js';

describe('loadAppConfig: home region', () => {
  const argv: string[] = [];

  it('a demo deployment without a home region takes the demo city, Kota Samarinda, and reads times in WITA', () => {
    const config = loadAppConfig({}, argv);
    expect(config.demo).toBe(true);
    expect(config.homeRegion).toBe('64.72');
    expect(config.timeZone).toBe('Asia/Makassar');
  });

  it('a configured home region wins over the demo city', () => {
    const config = loadAppConfig({ PANTAU_HOME_REGION: '33.08' }, argv);
    expect(config.homeRegion).toBe('33.08');
    expect(config.timeZone).toBe('Asia/Jakarta');
  });

  it('without the demo and without a home region, no region is assumed and times read in WIB', () => {
    const config = loadAppConfig({ PANTAU_DEMO: 'false' }, argv);
    expect(config.homeRegion).toBeUndefined();
    expect(config.timeZone).toBe('Asia/Jakarta');
  });
});
