// The shared words and value types (folding, dates, page hints, messages) are part of what
// this module offers: a client of Extract needs no second import.
@_exported import Vocabulary
