declare module "*.css";
declare module "cytoscape-fcose" {
  const fcose: cytoscape.Ext;
  export default fcose;
}
