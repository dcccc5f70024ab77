import { LbcliCommand } from '../../../lib/render/loadbalancer-org/lbcli-command';

// The example site changed by hand at the appliance's lbcli, as hospitals' sites are.

/** The changes made by hand: a weight, a drained server, a changed port, an extra VIP with a setting no construct has. */
export const BY_HAND: LbcliCommand[] = [
  { action: 'edit-rip', vip: 'DAS_Pool', rip: 'DAS2', weight: '50' },
  { action: 'drain', vip: 'EA_Dicom_Service', rip: 'EA2' },
  { action: 'edit-vip', layer: '4', vip: 'EA_HL7_Service', ports: '2577' },
  {
    action: 'add-vip', layer: '4', vip: 'MR_Modality_Dicom', ip: '192.0.2.120', ports: '104', protocol: 'tcp', forwarding: 'masq',
    persistent: 'off', scheduler: 'wrr', check_type: 'connect', check_port: '104', fallback: '192.0.2.250',
  },
  { action: 'add-rip', vip: 'MR_Modality_Dicom', rip: 'MR1', ip: '192.0.2.41', port: '11112' },
  { action: 'add-rip', vip: 'MR_Modality_Dicom', rip: 'MR2', ip: '192.0.2.42', port: '11112', weight: '200' },
];
