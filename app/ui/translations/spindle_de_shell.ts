<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../panels/drive_panel.py" line="51"/>
        <source>No optical drive found</source>
        <translation>Kein optisches Laufwerk gefunden</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="55"/>
        <source>Reading the disc…</source>
        <translation>Medium wird gelesen…</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="59"/>
        <source>no disc</source>
        <translation>kein Medium</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="60"/>
        <source>not ready</source>
        <translation>nicht bereit</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="61"/>
        <source>blank</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="62"/>
        <source>appendable</source>
        <translation>erweiterbar</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="63"/>
        <source>complete</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="64"/>
        <source>rewritable</source>
        <translation>wiederbeschreibbar</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="65"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="73"/>
        <location filename="../common/error_dialog.py" line="47"/>
        <source>No disc</source>
        <translation>Kein Medium</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="75"/>
        <source>Disc not ready yet</source>
        <translation>Medium noch nicht bereit</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="76"/>
        <source>Unknown disc</source>
        <translation>Unbekanntes Medium</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="79"/>
        <source>{medium}, blank, {free} free</source>
        <translation>{medium}, leer, {free} frei</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="81"/>
        <source>{medium}, appendable, {used} used, {free} free</source>
        <translation>{medium}, erweiterbar, {used} belegt, {free} frei</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="85"/>
        <source>{medium}, complete, {used}</source>
        <translation>{medium}, abgeschlossen, {used}</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="87"/>
        <source>{medium}, rewritable, {size}</source>
        <translation>{medium}, wiederbeschreibbar, {size}</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="96"/>
        <source>{device} · read-only</source>
        <translation>{device} · liest nur</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="97"/>
        <source>{device} · writes {formats}</source>
        <translation>{device} · schreibt {formats}</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="146"/>
        <source>Eject</source>
        <translation>Auswerfen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="147"/>
        <source>Open the tray of {device}</source>
        <translation>Die Schublade von {device} öffnen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="148"/>
        <source>Close tray</source>
        <translation>Einfahren</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="149"/>
        <source>Close the tray of {device}</source>
        <translation>Die Schublade von {device} schließen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="150"/>
        <location filename="../common/error_dialog.py" line="149"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="199"/>
        <source>This drive cannot close its tray by itself</source>
        <translation>Dieses Laufwerk kann seine Schublade nicht selbst schließen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="207"/>
        <source>{used} used, {free} free of {capacity}</source>
        <translation>{used} belegt, {free} von {capacity} frei</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="220"/>
        <source>Drive not readable</source>
        <translation>Laufwerk nicht lesbar</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="244"/>
        <source>Drive {device}</source>
        <translation>Laufwerk {device}</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="248"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="248"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="253"/>
        <location filename="../common/error_dialog.py" line="176"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="277"/>
        <location filename="../panels/log_view.py" line="35"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="278"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="280"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="284"/>
        <source>Drive</source>
        <translation>Laufwerk</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="285"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="287"/>
        <source>SCSI generic device</source>
        <translation>Generisches SCSI-Gerät</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="289"/>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="290"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="291"/>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="292"/>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="293"/>
        <source>Abilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="294"/>
        <source>Reads</source>
        <translation>Liest</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="296"/>
        <source>Writes</source>
        <translation>Schreibt</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="296"/>
        <source>nothing (read-only)</source>
        <translation>nichts (liest nur)</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="301"/>
        <source>Maximum read speed</source>
        <translation>Höchste Lesegeschwindigkeit</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="302"/>
        <location filename="../panels/drive_panel.py" line="306"/>
        <source>{speed} kB/s</source>
        <translation>{speed} kB/s</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="308"/>
        <source>Write speeds</source>
        <translation>Schreibgeschwindigkeiten</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="310"/>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="311"/>
        <source>Loading mechanism</source>
        <translation>Lademechanismus</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="314"/>
        <source>Can eject / lock</source>
        <translation>Kann auswerfen / sperren</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="317"/>
        <source>Reports media events</source>
        <translation>Meldet Medienereignisse</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="322"/>
        <source>Disc</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="323"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="325"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="326"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="327"/>
        <source>Erasable</source>
        <translation>Löschbar</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="328"/>
        <source>Sessions / tracks</source>
        <translation>Sitzungen / Spuren</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="329"/>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="330"/>
        <source>Used</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="331"/>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="333"/>
        <source>Next writable address</source>
        <translation>Nächste beschreibbare Adresse</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="338"/>
        <source>Profiles ({count})</source>
        <translation>Profile ({count})</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="343"/>
        <location filename="../panels/drive_panel.py" line="355"/>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="344"/>
        <source>writes</source>
        <translation>schreibt</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="350"/>
        <source>Features ({count})</source>
        <translation>Funktionen ({count})</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="355"/>
        <source>not current</source>
        <translation>nicht aktuell</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="360"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="360"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="385"/>
        <source>Connect a CD, DVD or Blu-ray drive to read or burn discs.</source>
        <translation>Schließen Sie ein CD-, DVD- oder Blu-ray-Laufwerk an, um Medien zu lesen oder zu brennen.</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="490"/>
        <source>Closing the tray…</source>
        <translation>Schublade wird geschlossen…</translation>
    </message>
    <message>
        <location filename="../panels/drive_panel.py" line="490"/>
        <source>Ejecting…</source>
        <translation>Wird ausgeworfen…</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="92"/>
        <source>Waiting to start…</source>
        <translation>Wartet auf den Start…</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="101"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="102"/>
        <source>Stop this job; it removes what it half made</source>
        <translation>Diesen Auftrag anhalten; halb Fertiges wird entfernt</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="104"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="105"/>
        <source>Show the error and its technical details</source>
        <translation>Den Fehler und seine technischen Details anzeigen</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="142"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="172"/>
        <source>Finished in {time}</source>
        <translation>Fertig nach {time}</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="178"/>
        <location filename="../common/error_dialog.py" line="61"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="180"/>
        <location filename="../common/desktop.py" line="93"/>
        <source>The job failed.</source>
        <translation>Der Auftrag ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="181"/>
        <source>Failed: {message}</source>
        <translation>Fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="201"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="241"/>
        <source>Clear Finished</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="242"/>
        <source>Remove finished jobs from the list</source>
        <translation>Beendete Aufträge aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="251"/>
        <source>No jobs yet. Building, reading and burning run here, with their progress.</source>
        <translation>Noch keine Aufträge. Erstellen, Lesen und Brennen erscheinen hier mit ihrem Fortschritt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../panels/jobs_panel.py" line="339"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../panels/jobs_panel.py" line="341"/>
        <source>%n finished</source>
        <translation>
            <numerusform>%n beendet</numerusform>
            <numerusform>%n beendet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../panels/jobs_panel.py" line="342"/>
        <source>No jobs</source>
        <translation>Keine Aufträge</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="32"/>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="33"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="34"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="73"/>
        <source>Show records of this level and above</source>
        <translation>Einträge dieser Stufe und darüber anzeigen</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="75"/>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="78"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../panels/log_view.py" line="79"/>
        <source>Empty this view (the log file keeps everything)</source>
        <translation>Diese Ansicht leeren (die Protokolldatei behält alles)</translation>
    </message>
    <message>
        <location filename="../panels/mode_bar.py" line="48"/>
        <source>{summary} ({shortcut})</source>
        <translation>{summary} ({shortcut})</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="87"/>
        <source>{title}: done</source>
        <translation>{title}: fertig</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="87"/>
        <source>Finished in {time}.</source>
        <translation>Fertig nach {time}.</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="90"/>
        <source>{title}: cancelled</source>
        <translation>{title}: abgebrochen</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="91"/>
        <source>Stopped after {time}.</source>
        <translation>Nach {time} angehalten.</translation>
    </message>
    <message>
        <location filename="../common/desktop.py" line="94"/>
        <source>{title}: failed</source>
        <translation>{title}: fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="38"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="39"/>
        <source>Cannot use this input</source>
        <translation>Diese Eingabe ist nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="40"/>
        <source>Cannot open the project</source>
        <translation>Das Projekt lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="41"/>
        <source>Does not fit</source>
        <translation>Passt nicht</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="42"/>
        <source>Problem with the image</source>
        <translation>Problem mit dem Abbild</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="43"/>
        <source>Verification failed</source>
        <translation>Überprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="44"/>
        <source>Cannot mount the image</source>
        <translation>Das Abbild lässt sich nicht einhängen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="45"/>
        <source>Problem with the drive</source>
        <translation>Problem mit dem Laufwerk</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="46"/>
        <source>Drive not found</source>
        <translation>Laufwerk nicht gefunden</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="48"/>
        <source>Unsuitable disc</source>
        <translation>Ungeeignetes Medium</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="49"/>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="50"/>
        <source>Drive communication error</source>
        <translation>Fehler bei der Verständigung mit dem Laufwerk</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="51"/>
        <source>The disc was changed</source>
        <translation>Das Medium wurde gewechselt</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="52"/>
        <source>The drive did not answer in time</source>
        <translation>Das Laufwerk hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="53"/>
        <source>The drive reported an error</source>
        <translation>Das Laufwerk hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="54"/>
        <source>udisks2 is not available</source>
        <translation>udisks2 ist nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="55"/>
        <source>udisks2 refused</source>
        <translation>udisks2 hat abgelehnt</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="56"/>
        <source>Not a safe target</source>
        <translation>Kein sicheres Ziel</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="57"/>
        <source>The disk changed</source>
        <translation>Der Datenträger hat sich verändert</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="58"/>
        <source>The disk is in use</source>
        <translation>Der Datenträger wird verwendet</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="59"/>
        <source>Could not unmount</source>
        <translation>Aushängen nicht möglich</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="60"/>
        <source>Writing failed</source>
        <translation>Schreiben fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="62"/>
        <source>Spindle ran into a problem of its own</source>
        <translation>Spindle hat ein internes Problem</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="63"/>
        <source>A source file changed</source>
        <translation>Eine Quelldatei hat sich geändert</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="64"/>
        <source>Unexpected answer from the drive</source>
        <translation>Unerwartete Antwort vom Laufwerk</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="65"/>
        <source>Unusable map file</source>
        <translation>Unbrauchbare Map-Datei</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="66"/>
        <source>Unreadable sectors</source>
        <translation>Unlesbare Sektoren</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="72"/>
        <source>The folder is on a read-only file system.</source>
        <translation>Der Ordner liegt auf einem schreibgeschützten Dateisystem.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="73"/>
        <source>You do not have permission to do this there.</source>
        <translation>Sie haben dort nicht die Berechtigung dazu.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="74"/>
        <source>The system does not allow this operation.</source>
        <translation>Das System erlaubt diesen Vorgang nicht.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="75"/>
        <source>The disk is full.</source>
        <translation>Der Datenträger ist voll.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="76"/>
        <source>Your disk quota is used up.</source>
        <translation>Ihr Speicherkontingent ist aufgebraucht.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="77"/>
        <source>The file or folder does not exist (any more).</source>
        <translation>Die Datei oder der Ordner existiert nicht (mehr).</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="78"/>
        <source>A part of the path is not a folder.</source>
        <translation>Ein Teil des Pfads ist kein Ordner.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="79"/>
        <source>The name is a folder, not a file.</source>
        <translation>Der Name ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="80"/>
        <source>A file of that name exists already.</source>
        <translation>Eine Datei dieses Namens existiert bereits.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="81"/>
        <source>The device or file is in use by another program.</source>
        <translation>Das Gerät oder die Datei wird von einem anderen Programm verwendet.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="84"/>
        <source>The device reported an input/output error (damaged medium or failing hardware?).</source>
        <translation>Das Gerät hat einen Ein-/Ausgabefehler gemeldet (beschädigtes Medium oder defekte Hardware?).</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="87"/>
        <source>There is no medium in the drive.</source>
        <translation>Im Laufwerk liegt kein Medium.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="88"/>
        <source>The name is too long for the file system.</source>
        <translation>Der Name ist für das Dateisystem zu lang.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="89"/>
        <source>The file is larger than the file system allows.</source>
        <translation>Die Datei ist größer, als das Dateisystem erlaubt.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="90"/>
        <source>The path contains a symbolic link where none is allowed.</source>
        <translation>Der Pfad enthält eine symbolische Verknüpfung, wo keine erlaubt ist.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="102"/>
        <source>The system said: {reason}.</source>
        <translation>Das System meldet: {reason}.</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="113"/>
        <source>{action} failed</source>
        <translation>{action} fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="170"/>
        <source>Copy Details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../common/error_dialog.py" line="171"/>
        <source>Copy the message and the technical details</source>
        <translation>Die Meldung und die technischen Details kopieren</translation>
    </message>
    <message>
        <location filename="../common/open_folder.py" line="23"/>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../common/open_folder.py" line="24"/>
        <source>No file manager could open the folder.</source>
        <translation>Kein Dateimanager konnte den Ordner öffnen.</translation>
    </message>
    <message>
        <location filename="../common/open_folder.py" line="28"/>
        <source>It is here:
{folder}</source>
        <translation>Er befindet sich hier:
{folder}</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="22"/>
        <source>Preparing</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="23"/>
        <source>Checking sources</source>
        <translation>Quellen prüfen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="24"/>
        <source>Laying out</source>
        <translation>Anordnen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="25"/>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="26"/>
        <source>Verifying</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="27"/>
        <source>Computing checksums</source>
        <translation>Prüfsummen berechnen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="28"/>
        <source>Reading the disc layout</source>
        <translation>Aufbau des Mediums lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="29"/>
        <source>Finding track pregaps</source>
        <translation>Pregaps der Spuren suchen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="30"/>
        <source>Comparing disc and image</source>
        <translation>Medium und Abbild vergleichen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="31"/>
        <source>Formatting</source>
        <translation>Formatieren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="32"/>
        <source>Erasing</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="33"/>
        <source>Flushing the drive&apos;s cache</source>
        <translation>Cache des Laufwerks leeren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="34"/>
        <source>Closing the session</source>
        <translation>Sitzung abschließen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="35"/>
        <source>Reloading the disc</source>
        <translation>Medium neu laden</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="36"/>
        <source>Reading drives</source>
        <translation>Laufwerke lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="37"/>
        <source>Opening the image</source>
        <translation>Abbild öffnen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="38"/>
        <source>Converting</source>
        <translation>Umwandeln</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="39"/>
        <source>Compressing</source>
        <translation>Komprimieren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="40"/>
        <source>Reading the image</source>
        <translation>Abbild lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="41"/>
        <source>Extracting</source>
        <translation>Extrahieren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="42"/>
        <source>Checking the target disk</source>
        <translation>Zieldatenträger prüfen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="43"/>
        <source>Unmounting</source>
        <translation>Aushängen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="44"/>
        <source>Computing error-correction data</source>
        <translation>Fehlerkorrekturdaten berechnen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="45"/>
        <source>Repairing</source>
        <translation>Reparieren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="47"/>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="48"/>
        <source>Reading skipped areas</source>
        <translation>Übersprungene Bereiche lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="49"/>
        <source>Trimming failed areas</source>
        <translation>Fehlerbereiche eingrenzen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="50"/>
        <source>Scraping failed areas</source>
        <translation>Fehlerbereiche sektorweise lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="51"/>
        <source>Retrying bad sectors</source>
        <translation>Defekte Sektoren erneut lesen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="68"/>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="73"/>
        <source>{done} sectors</source>
        <translation>{done} Sektoren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="74"/>
        <source>{done} of {total} sectors</source>
        <translation>{done} von {total} Sektoren</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="76"/>
        <source>{done} items</source>
        <translation>{done} Elemente</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="77"/>
        <source>{done} of {total} items</source>
        <translation>{done} von {total} Elementen</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="89"/>
        <source>{rate} items/s</source>
        <translation>{rate} Elemente/s</translation>
    </message>
    <message>
        <location filename="../common/progress_text.py" line="96"/>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <location filename="../common/settings.py" line="29"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../common/settings.py" line="30"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../common/settings.py" line="31"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="43"/>
        <source>Build: create a disc image from files and folders</source>
        <translation>Erstellen: ein Abbild aus Dateien und Ordnern erstellen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="44"/>
        <source>Read: copy a disc into an image file</source>
        <translation>Lesen: ein Medium in eine Abbilddatei kopieren</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="45"/>
        <source>Write: burn an image to a disc</source>
        <translation>Schreiben: ein Abbild auf ein Medium brennen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="46"/>
        <source>Image: open an image, browse, extract and mount it</source>
        <translation>Abbild: ein Abbild öffnen, durchsuchen, extrahieren und einhängen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="51"/>
        <source>Build</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="52"/>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="53"/>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../common/workspaces.py" line="54"/>
        <source>Image</source>
        <translation>Abbild</translation>
    </message>
</context>
</TS>
