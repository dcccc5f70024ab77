import { App } from 'cdktf';
import { CentricityPacsSiteStack } from './site';

// `npx cdktf synth` runs this (see cdktf.json); so does `npm run synth`.
const app = new App();
new CentricityPacsSiteStack(app, 'centricity-pacs');
app.synth();
