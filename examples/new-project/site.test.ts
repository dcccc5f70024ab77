import { App } from 'cdktf';
import { expect, it } from 'vitest';
import { pacsLbMatchers, PacsLbTesting } from 'cdktf-pacs-lb/testing';
import { SiteStack } from './site';

expect.extend(pacsLbMatchers);

it('the archive VIP balances both archives with a DICOM association check, and the site is valid', () => {
  const stack = new SiteStack(new App(), 'site', { folder: '/tmp/pacs-lb-test', vipPort: 11112, archivePorts: [11113, 11114] });

  expect(stack).toHaveVip('Archive_Dicom', { healthCheck: { kind: 'dicom-association' } });
  expect(stack).toHaveRealServers('Archive_Dicom', [{ name: 'EA1' }, { name: 'EA2' }]);
  expect(PacsLbTesting.validationErrors(stack)).toEqual([]);
});
