module.exports = {
  displayName: 'nx-enforcer',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
};
