/**
 * How the health-check scripts of DICOM and HL7 checks get onto a Loadbalancer.org appliance.
 * Its REST API cannot upload a script: a check that names a script the appliance does not have
 * marks every server down, so `pacs-lb apply` refuses a VIP whose script is not declared here.
 */
export enum CheckScriptSource {
  /** Not on the appliance (the default): VIPs with such a check are refused at apply. */
  NOT_INSTALLED = 'not-installed',
  /** The scripts `pacs-lb check-scripts <folder>` writes, uploaded by you to the appliance's check folder. */
  UPLOADED = 'uploaded',
  /** DICOM only: the appliance's own DICOM C-ECHO check script (its AE titles are set inside that script, on the appliance). */
  APPLIANCE_DICOM_ECHO = 'appliance-dicom-echo',
}
