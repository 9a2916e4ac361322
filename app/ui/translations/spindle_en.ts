<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../image/repair_bar.py" line="134"/>
        <location filename="../read/page.py" line="781"/>
        <source>Repaired: all %n damaged sectors were rebuilt.</source>
        <translation>
            <numerusform>Repaired: %n damaged sector was rebuilt.</numerusform>
            <numerusform>Repaired: all %n damaged sectors were rebuilt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../read/page.py" line="783"/>
        <source>Repaired {repaired} sectors; %n could not be rebuilt.</source>
        <translation>
            <numerusform>Repaired {repaired} sectors; %n could not be rebuilt.</numerusform>
            <numerusform>Repaired {repaired} sectors; %n could not be rebuilt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../write/page.py" line="737"/>
        <source>Insert the next blank disc into {drive} (%n more to burn), then press OK.</source>
        <translation>
            <numerusform>Insert the next blank disc into {drive} (%n more to burn), then press OK.</numerusform>
            <numerusform>Insert the next blank disc into {drive} (%n more to burn), then press OK.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/convert_view.py" line="215"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/convert_view.py" line="217"/>
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="294"/>
        <source>%n problem(s) found</source>
        <translation>
            <numerusform>%n problem found</numerusform>
            <numerusform>%n problems found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="307"/>
        <source>{fs} (%n entries)</source>
        <translation>
            <numerusform>{fs} (%n entry)</numerusform>
            <numerusform>{fs} (%n entries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/commands.py" line="26"/>
        <location filename="../image/page.py" line="402"/>
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="568"/>
        <source>{ecc}: %n damaged sectors ({ranges}).</source>
        <translation>
            <numerusform>{ecc}: %n damaged sector ({ranges}).</numerusform>
            <numerusform>{ecc}: %n damaged sectors ({ranges}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="577"/>
        <source>Its RS02 error-correction data: %n damaged sectors ({ranges}).</source>
        <translation>
            <numerusform>Its RS02 error-correction data: %n damaged sector ({ranges}).</numerusform>
            <numerusform>Its RS02 error-correction data: %n damaged sectors ({ranges}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/page.py" line="648"/>
        <source>… and %n more extents</source>
        <translation>
            <numerusform>… and %n more extent</numerusform>
            <numerusform>… and %n more extents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="211"/>
        <source>, %n boot entry(s) kept</source>
        <translation>
            <numerusform>, %n boot entry kept</numerusform>
            <numerusform>, %n boot entries kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="213"/>
        <source>; %n note(s): {note}</source>
        <translation>
            <numerusform>; %n note: {note}</numerusform>
            <numerusform>; %n notes: {note}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="303"/>
        <source>%n job(s) still running. Quitting cancels them; what they made so far is removed.</source>
        <translation>
            <numerusform>%n job is still running. Quitting cancels it; what it made so far is removed.</numerusform>
            <numerusform>%n jobs are still running. Quitting cancels them; what they made so far is removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="448"/>
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../panels/jobs_panel.py" line="339"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../panels/jobs_panel.py" line="341"/>
        <source>%n finished</source>
        <translation>
            <numerusform>%n finished</numerusform>
            <numerusform>%n finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/repair_bar.py" line="91"/>
        <source>%n damaged sectors can be rebuilt with {source}.</source>
        <translation>
            <numerusform>%n damaged sector can be rebuilt with {source}.</numerusform>
            <numerusform>%n damaged sectors can be rebuilt with {source}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../image/repair_bar.py" line="140"/>
        <source>Repaired {repaired} sectors; %n could not be rebuilt (too many damaged sectors in one place).</source>
        <translation>
            <numerusform>Repaired {repaired} sectors; %n could not be rebuilt (too many damaged sectors in one place).</numerusform>
            <numerusform>Repaired {repaired} sectors; %n could not be rebuilt (too many damaged sectors in one place).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/clash_dialog.py" line="33"/>
        <source>Do the same for the other %n</source>
        <translation>
            <numerusform>Do the same for the other %n</numerusform>
            <numerusform>Do the same for the other %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/missing_sources.py" line="58"/>
        <location filename="../build/page.py" line="533"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>(and %n more)</numerusform>
            <numerusform>(and %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/missing_sources.py" line="63"/>
        <source>%n item(s) of the project no longer exist on disk:</source>
        <translation>
            <numerusform>%n item of the project no longer exists on disk:</numerusform>
            <numerusform>%n items of the project no longer exist on disk:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="319"/>
        <source>{size} in %n top-level item</source>
        <translation>
            <numerusform>{size} in %n top-level item</numerusform>
            <numerusform>{size} in %n top-level item</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="321"/>
        <source>{size} in %n top-level items</source>
        <translation>
            <numerusform>{size} in %n top-level items</numerusform>
            <numerusform>{size} in %n top-level items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="345"/>
        <source>%n name will be recorded differently</source>
        <translation>
            <numerusform>%n name will be recorded differently</numerusform>
            <numerusform>%n name will be recorded differently</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="347"/>
        <source>%n names will be recorded differently</source>
        <translation>
            <numerusform>%n names will be recorded differently</numerusform>
            <numerusform>%n names will be recorded differently</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="351"/>
        <source>%n item cannot be recorded</source>
        <translation>
            <numerusform>%n item cannot be recorded</numerusform>
            <numerusform>%n item cannot be recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="353"/>
        <source>%n items cannot be recorded</source>
        <translation>
            <numerusform>%n items cannot be recorded</numerusform>
            <numerusform>%n items cannot be recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="529"/>
        <source>%n item could not be added: {reason}</source>
        <translation>
            <numerusform>%n item could not be added: {reason}</numerusform>
            <numerusform>%n item could not be added: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../build/page.py" line="531"/>
        <source>%n items could not be added: {reason}</source>
        <translation>
            <numerusform>%n items could not be added: {reason}</numerusform>
            <numerusform>%n items could not be added: {reason}</numerusform>
        </translation>
    </message>
</context>
</TS>
