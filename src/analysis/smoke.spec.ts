describe('toolchain', () => {
  it('should run TypeScript specs in ESM mode', async () => {
    const core = await import('@nestjs/core');
    expect(typeof core.NestFactory.create).toBe('function');
  });
});
