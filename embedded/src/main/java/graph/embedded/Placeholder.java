package graph.embedded;
class Placeholder {}
