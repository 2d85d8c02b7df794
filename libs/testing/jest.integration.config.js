// The component-test kit (./component) is a project of its own, with its own Jest config.
module.exports = { ...require('../../jest.preset.js').projectConfig(__dirname, 'integration'), testPathIgnorePatterns: ['/node_modules/', '<rootDir>/component/'] };
