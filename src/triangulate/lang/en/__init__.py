"""English: assessment words (:mod:`.assessment`), harm, weapons and denial (:mod:`.harm`),
and words that say a fight is over or goes on (:mod:`.outcome`)."""
