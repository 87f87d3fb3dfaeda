-- DELETE, not TRUNCATE: Aurora DSQL has no TRUNCATE, and the tests send only what DSQL accepts.
DELETE FROM "_SpecialtyToVet";
DELETE FROM vet;
DELETE FROM specialty;
DELETE FROM pet;
DELETE FROM owner;
