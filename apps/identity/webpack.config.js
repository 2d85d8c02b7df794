// Bundles the service (and the workspace libs it imports) into dist/apps/identity/main.js for
// the Docker image; npm packages stay external and are listed in the generated package.json.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/identity') },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      outputPath: '../../dist/apps/identity',
      generatePackageJson: true,
      optimization: false,
      outputHashing: 'none',
      sourceMap: true,
    }),
  ],
};
