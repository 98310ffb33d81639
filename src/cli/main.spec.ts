import { buildProgram } from './main.js';

describe('pantau command line', () => {
  it('registers only the command being run, and every command for help or an unknown one', async () => {
    const names = async (command?: string) => (await buildProgram(command)).commands.map((c) => c.name()).sort();
    expect(await names('analyze')).toEqual(['analyze']);
    expect(await names('restore')).toEqual(['backup', 'restore']);
    expect(await names('migrate')).toEqual(['migrate']);
    const all = ['analyze', 'backup', 'detect', 'eval', 'eval-detection', 'import', 'migrate', 'restore', 'train'];
    expect(await names('--help')).toEqual(all);
    expect(await names(undefined)).toEqual(all);
    expect(await names('tidak-ada')).toEqual(all);
  });
});
