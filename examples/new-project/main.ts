import { App } from 'cdktf';
import { SiteStack } from './site';

// The values below suit a trial on one machine; SITE_* variables change them without an edit.
const app = new App();
new SiteStack(app, 'site', {
  folder: process.env.SITE_LB_FOLDER ?? '/tmp/pacs-lb-new-project',
  vipPort: Number(process.env.SITE_VIP_PORT ?? 11112),
  archivePorts: (process.env.SITE_ARCHIVE_PORTS ?? '11113,11114').split(',').map(Number),
});
app.synth();
