// Every view that draws server text makes it inert first; the rules live in InertText so that
// the plain commands and the logs share them. Re-exported: an importer of the terminal layer
// has `Inert` without a second import.
@_exported import InertText
