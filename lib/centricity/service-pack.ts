/**
 * The Centricity PACS service-pack level of a site. The guide's VIP table gives some VIPs
 * different ports and checks at SP1 and SP2 (Dakota, WFM_Play_Group, WFM_tomcat_Group); these
 * are product levels, not two listeners of one VIP.
 */
export enum ServicePack {
  /** Service pack 1: Dakota on 8080 with a connect check, WFM Play on 8080, WFM tomcat on 9096. */
  SP1 = 'SP1',
  /** Service pack 2: Dakota on 8443, WFM Play on 9443, WFM tomcat on 9096 and 3443; HTTPS GET checks. */
  SP2 = 'SP2',
}
