-- Uninstall: drops the user and with it every privilege it holds.
-- Tables it created stay (MySQL has no owners).
DROP USER IF EXISTS 'dagflux'@'%';
