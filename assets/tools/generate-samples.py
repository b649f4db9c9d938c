#!/usr/bin/env python3
"""Generates the sample trees under assets/.../samples/*.json in the "quorumlab-tree/1" format
written by `quorumlab dump` (engine/.../cli/TreeJson.java) and read by the console's import.

Output is deterministic (fixed clock, fixed ids), so re-running it only changes files when this
script changed. Usage: assets/tools/generate-samples.py [output-dir]

Every node is written persistent (kind "none"), containers and TTL nodes excepted. In the real
systems several of these nodes are ephemeral (Kafka's /brokers/ids/N and /controller, HBase's
/hbase/master and /hbase/rs/*, the HA ActiveStandbyElectorLock, service instances); an import
skips session-owned nodes, so the samples keep them persistent to stay browsable.
"""
import base64
import hashlib
import json
import os
import struct
import sys

FORMAT = "quorumlab-tree/1"
OPEN_ACL = [{"perms": 31, "scheme": "world", "id": "anyone"}]
CONTAINER_OWNER = -(1 << 63)
TTL_MASK = 0xFF00000000000000


def ttl_owner(ttl_ms):
    value = TTL_MASK | ttl_ms
    return value - (1 << 64)  # as a signed Java long


def digest_id(user, password):
    """ZooKeeper's digest ACL id: user:base64(sha1(user:password))."""
    sha = hashlib.sha1(f"{user}:{password}".encode()).digest()
    return f"{user}:{base64.b64encode(sha).decode()}"


class Tree:
    """Builds nodes in creation order; zxids and stats evolve as on a real server in epoch 1."""

    def __init__(self, epoch=1, clock_ms=1718000000000):
        self.zxid = epoch << 32
        self.clock = clock_ms
        self.nodes = {"/": self._node("/", None, OPEN_ACL, 0, 0, 0)}
        self.order = ["/"]
        self.seq = {}

    def _node(self, path, data, acl, czxid, ctime, owner):
        return {"path": path, "data": data, "acl": acl, "czxid": czxid, "mzxid": czxid, "ctime": ctime,
                "mtime": ctime, "version": 0, "cversion": 0, "aversion": 0, "ephemeralOwner": owner,
                "pzxid": czxid, "kind": kind_of(owner)}

    def _tick(self):
        self.zxid += 1
        self.clock += 137 + (self.zxid % 7) * 53
        return self.zxid, self.clock

    def create(self, path, data=None, acl=None, owner=0, sequential=False):
        parent = path.rsplit("/", 1)[0] or "/"
        if parent not in self.nodes:
            self.create(parent)
        p = self.nodes[parent]
        if sequential:
            counter = p["cversion"]
            path = f"{path}{counter:010d}"
        if path in self.nodes:
            return path
        zxid, now = self._tick()
        raw = encode(data)
        self.nodes[path] = self._node(path, raw, acl or OPEN_ACL, zxid, now, owner)
        self.order.append(path)
        p["cversion"] += 1
        p["pzxid"] = zxid
        return path

    def set(self, path, data):
        zxid, now = self._tick()
        n = self.nodes[path]
        n["data"], n["mzxid"], n["mtime"] = encode(data), zxid, now
        n["version"] += 1

    def churn(self, path, times):
        """Children created and deleted earlier (e.g. old sequential nodes): bumps cversion/pzxid."""
        for _ in range(times):
            zxid, _ = self._tick()
            self.nodes[path]["cversion"] += 1
            self.nodes[path]["pzxid"] = zxid

    def document(self):
        return {"format": FORMAT, "lastZxid": hex(self.zxid), "nodes": [self.nodes[p] for p in self.order]}


def kind_of(owner):
    if owner == 0:
        return "none"
    if owner == CONTAINER_OWNER:
        return "container"
    if (owner + (1 << 64) if owner < 0 else owner) & TTL_MASK == TTL_MASK:
        return "ttl"
    return "session"


def encode(data):
    if data is None:
        return None
    if isinstance(data, (dict, list)):
        data = json.dumps(data, separators=(",", ":"))
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.b64encode(data).decode("ascii")


# --- minimal protobuf encoding, for the binary payloads HBase and Hadoop HA store -----------

def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def pb_int(field, value):
    return varint(field << 3) + varint(value)


def pb_bytes(field, value):
    if isinstance(value, str):
        value = value.encode()
    return varint(field << 3 | 2) + varint(len(value)) + value


def hbase_pbuf(message, ident="master:16000"):
    """HBase znode payload: 0xFF, 4-byte id length, id, the magic "PBUF", then the protobuf."""
    ident_b = ident.encode()
    return b"\xff" + struct.pack(">I", len(ident_b)) + ident_b + b"PBUF" + message


def server_name(host, port, start_code):
    return pb_bytes(1, host) + pb_int(2, port) + pb_int(3, start_code)


# --- the three samples ------------------------------------------------------------------------

def kafka():
    t = Tree()
    t.create("/cluster/id", {"version": "1", "id": "q8rT0sLbQ-WvJkFz3xYb2w"})
    t.create("/controller_epoch", "1")
    brokers = ["kafka-0", "kafka-1", "kafka-2"]
    for i, host in enumerate(brokers):
        t.create(f"/brokers/ids/{i}", {
            "features": {}, "listener_security_protocol_map": {"PLAINTEXT": "PLAINTEXT", "INTERNAL": "PLAINTEXT"},
            "endpoints": [f"PLAINTEXT://{host}.kafka.svc:9092", f"INTERNAL://{host}.kafka.svc:9093"],
            "jmx_port": 9999, "port": 9092, "host": f"{host}.kafka.svc", "version": 5,
            "rack": f"zone-{'abc'[i]}", "timestamp": str(t.clock)})
    t.create("/controller", {"version": 2, "brokerid": 0, "timestamp": str(t.clock), "kraftControllerEpoch": -1})
    t.create("/brokers/seqid")
    topics = {"orders": 3, "payments": 2, "audit-log": 1, "__consumer_offsets": 5}
    topic_ids = {"orders": "mYp0rD3rsTz0pIcIdAAAAA", "payments": "pAyM3nTsT0p1cIdBBBBBBw",
                 "audit-log": "aUd1tL0gT0p1cIdCCCCCCw", "__consumer_offsets": "c0nSuM3r0fFs3tsDDDDDDw"}
    for topic, partitions in topics.items():
        assignment = {str(p): [(p + r) % 3 for r in range(3 if topic != "audit-log" else 2)] for p in range(partitions)}
        t.create(f"/brokers/topics/{topic}", {"partitions": assignment, "topic_id": topic_ids[topic],
                                             "adding_replicas": {}, "removing_replicas": {}, "version": 3})
        for p in range(partitions):
            replicas = assignment[str(p)]
            state = f"/brokers/topics/{topic}/partitions/{p}/state"
            t.create(state, {"controller_epoch": 1, "leader": replicas[0], "version": 1, "leader_epoch": 0,
                             "isr": replicas})
        retention = {"orders": "604800000", "payments": "2592000000", "audit-log": "-1",
                     "__consumer_offsets": None}[topic]
        config = {"cleanup.policy": "compact", "segment.bytes": "104857600", "compression.type": "producer"} \
            if retention is None else {"retention.ms": retention, "min.insync.replicas": "2"}
        t.create(f"/config/topics/{topic}", {"version": 1, "config": config})
    # broker 2 restarted: the controller moved leadership of orders-2 and shrank/expanded the ISR
    t.set("/controller_epoch", "2")
    t.set("/controller", {"version": 2, "brokerid": 1, "timestamp": str(t.clock), "kraftControllerEpoch": -1})
    t.set("/brokers/topics/orders/partitions/2/state",
          {"controller_epoch": 2, "leader": 0, "version": 1, "leader_epoch": 1, "isr": [0, 1]})
    t.create("/isr_change_notification/isr_change_", {"version": 1, "partitions": [
        {"topic": "orders", "partition": 2}]}, sequential=True)
    t.set("/brokers/topics/orders/partitions/2/state",
          {"controller_epoch": 2, "leader": 0, "version": 1, "leader_epoch": 1, "isr": [0, 1, 2]})
    t.create("/isr_change_notification/isr_change_", {"version": 1, "partitions": [
        {"topic": "orders", "partition": 2}]}, sequential=True)
    t.create("/config/changes/config_change_", {"version": 2, "entity_path": "topics/orders"}, sequential=True)
    for entity in ("clients", "users", "brokers", "ips"):
        t.create(f"/config/{entity}")
    t.create("/config/brokers/<default>", {"version": 1, "config": {"log.cleaner.threads": "2"}})
    t.create("/admin/delete_topics")
    t.create("/admin/reassign_partitions", {"version": 1, "partitions": [
        {"topic": "payments", "partition": 1, "replicas": [2, 0, 1], "log_dirs": ["any", "any", "any"]}]})
    t.create("/latest_producer_id_block", {"version": 1, "broker": 0, "block_start": "0", "block_end": "999"})
    t.create("/log_dir_event_notification")
    t.create("/feature", {"features": {}, "version": 2, "status": 1})
    t.create("/consumers")
    return t.document()


def hbase_hadoop():
    t = Tree(epoch=3, clock_ms=1718100000000)
    start = 1718099000000
    t.create("/hbase", None)
    t.create("/hbase/hbaseid", hbase_pbuf(pb_bytes(1, "6f1c2a4e-0b8d-4f7e-9b61-2a5e44f0c9d1")))
    t.create("/hbase/running", hbase_pbuf(pb_bytes(1, "Tue Jun 11 09:33:20 UTC 2024")))
    master = server_name("hmaster-1.hadoop.lan", 16000, start)
    t.create("/hbase/master", hbase_pbuf(pb_bytes(1, master) + pb_int(2, 0) + pb_int(3, 16010)))
    t.create("/hbase/backup-masters/hmaster-2.hadoop.lan,16000," + str(start + 4211),
             hbase_pbuf(pb_bytes(1, server_name("hmaster-2.hadoop.lan", 16000, start + 4211)) + pb_int(3, 16010)))
    for i in range(1, 4):
        code = start + 9000 + i * 731
        host = f"rs-{i}.hadoop.lan"
        t.create(f"/hbase/rs/{host},16020,{code}",
                 hbase_pbuf(pb_bytes(1, "2.5.8") + pb_int(2, 16030), f"regionserver:16020"))
    t.create("/hbase/meta-region-server",
             hbase_pbuf(pb_bytes(1, server_name("rs-2.hadoop.lan", 16020, start + 10462)) + pb_int(2, 0)
                        + pb_int(3, 0), "regionserver:16020"))
    for table in ("hbase:meta", "hbase:namespace", "default:users", "default:events", "analytics:sessions"):
        # DeprecatedTableState{state}: 0 = ENABLED, 1 = DISABLED
        state = 1 if table == "analytics:sessions" else 0
        t.create(f"/hbase/table/{table}", hbase_pbuf(pb_int(1, state)))
    for ns in ("default", "hbase", "analytics"):
        t.create(f"/hbase/namespace/{ns}", hbase_pbuf(pb_bytes(1, ns)))
    for child in ("splitWAL", "draining", "flush-table-proc/acquired", "flush-table-proc/reached",
                  "flush-table-proc/abort", "online-snapshot/acquired", "online-snapshot/reached",
                  "online-snapshot/abort", "replication/peers", "replication/rs", "switch/split", "switch/merge",
                  "balancer", "normalizer"):
        t.create(f"/hbase/{child}")
    t.set("/hbase/balancer", hbase_pbuf(pb_int(1, 1)))
    t.set("/hbase/switch/split", hbase_pbuf(pb_int(1, 1)))
    t.set("/hbase/switch/merge", hbase_pbuf(pb_int(1, 1)))
    t.churn("/hbase/splitWAL", 6)
    # HDFS NameNode HA (ZKFC): lock (ephemeral in reality) + breadcrumb, ActiveNodeInfo protobuf
    for ns, active in (("mycluster", "nn1"), ("archive", "nn2")):
        host = f"{ns}-{active}.hadoop.lan"
        info = (pb_bytes(1, ns) + pb_bytes(2, active) + pb_bytes(3, host) + pb_int(4, 8020) + pb_int(5, 8019))
        t.create(f"/hadoop-ha/{ns}/ActiveStandbyElectorLock", info)
        t.create(f"/hadoop-ha/{ns}/ActiveBreadCrumb", info)
    # a failover happened in "mycluster": nn2 took over, the breadcrumb records the last active
    info2 = (pb_bytes(1, "mycluster") + pb_bytes(2, "nn2") + pb_bytes(3, "mycluster-nn2.hadoop.lan")
             + pb_int(4, 8020) + pb_int(5, 8019))
    t.set("/hadoop-ha/mycluster/ActiveStandbyElectorLock", info2)
    t.set("/hadoop-ha/mycluster/ActiveBreadCrumb", info2)
    # YARN ResourceManager HA and state store
    rm = pb_bytes(1, "yarn-cluster") + pb_bytes(2, "rm1")
    t.create("/yarn-leader-election/yarn-cluster/ActiveStandbyElectorLock", rm)
    t.create("/yarn-leader-election/yarn-cluster/ActiveBreadCrumb", rm)
    root = "/rmstore/ZKRMStateRoot"
    t.create(f"{root}/RMVersionNode", pb_int(1, 1) + pb_int(2, 5))
    t.create(f"{root}/EpochNode", pb_int(1, 7))
    t.create(f"{root}/RMDTSecretManagerRoot/RMDTMasterKeysRoot/DelegationKey_1", b"\x08\x01\x10\x80\xe0\xb6\xc8\x8d\x32")
    t.create(f"{root}/RMDTSecretManagerRoot/RMDTSequentialNumber", pb_int(1, 42))
    for n in range(1, 4):
        app = f"application_1718099000000_{n:04d}"
        t.create(f"{root}/RMAppRoot/{app}", pb_int(1, 1718099100000 + n) + pb_bytes(3, f"user{n}"))
        t.create(f"{root}/RMAppRoot/{app}/appattempt_1718099000000_{n:04d}_000001", pb_int(1, n))
    t.create(f"{root}/AMRMTokenSecretManagerRoot", pb_int(1, 3))
    t.create(f"{root}/ReservationSystemRoot")
    return t.document()


def config_service():
    t = Tree(epoch=2, clock_ms=1718200000000)
    admin = digest_id("admin", "quorumlab")
    secret_acl = [{"perms": 31, "scheme": "digest", "id": admin}, {"perms": 1, "scheme": "world", "id": "anyone"}]
    apps = {
        "checkout": {"port": 8080, "db": "checkout", "flags": {"one-click-buy": True, "new-tax-engine": False}},
        "inventory": {"port": 8081, "db": "inventory", "flags": {"reservations-v2": True}},
        "gateway": {"port": 8443, "db": None, "flags": {"rate-limit": True, "http3": False}},
    }
    envs = {"dev": 1, "staging": 2, "prod": 6}
    for app, spec in apps.items():
        for env, replicas in envs.items():
            base = f"/config/{app}/{env}"
            yaml = (f"# {app} ({env})\nserver:\n  port: {spec['port']}\n  shutdown: graceful\n"
                    f"replicas: {replicas}\nlogging:\n  level:\n    root: {'INFO' if env == 'prod' else 'DEBUG'}\n"
                    f"    org.apache.zookeeper: WARN\nzookeeper:\n  connect: zk-1:2181,zk-2:2181,zk-3:2181/{app}\n"
                    f"  sessionTimeoutMs: 15000\n")
            t.create(f"{base}/application.yaml", yaml)
            flags = dict(spec["flags"])
            if env != "prod":
                flags = {k: True for k in flags}
            t.create(f"{base}/feature-flags.json", {"version": 3, "flags": flags, "rolloutPercent": 100 if env != "prod" else 25})
            if spec["db"]:
                props = (f"# JDBC settings for {app}/{env}\njdbc.url=jdbc:postgresql://pg-{env}.internal:5432/{spec['db']}\n"
                         f"jdbc.user={spec['db']}_svc\njdbc.pool.max={4 * replicas}\njdbc.pool.idleTimeout=PT10M\n")
                t.create(f"{base}/db.properties", props, acl=secret_acl if env == "prod" else None)
            t.create(f"{base}/log-level", "INFO" if env == "prod" else "DEBUG")
    # a few live edits: versions move, one key is edited twice
    t.set("/config/checkout/prod/feature-flags.json",
          {"version": 4, "flags": {"one-click-buy": True, "new-tax-engine": True}, "rolloutPercent": 10})
    t.set("/config/checkout/prod/log-level", "DEBUG")
    t.set("/config/checkout/prod/log-level", "INFO")
    t.create("/config/checkout/prod/maintenance-window", {"from": "2024-06-15T02:00Z", "to": "2024-06-15T03:00Z"},
             owner=ttl_owner(7 * 24 * 3600 * 1000))
    services = {"checkout": ["10.0.1.11", "10.0.1.12"], "inventory": ["10.0.2.21", "10.0.2.22", "10.0.2.23"],
                "gateway": ["10.0.0.5"]}
    for svc, addrs in services.items():
        t.create(f"/services/{svc}", None, owner=CONTAINER_OWNER)
        for i, addr in enumerate(addrs):
            iid = hashlib.md5(f"{svc}-{i}".encode()).hexdigest()
            iid = f"{iid[:8]}-{iid[8:12]}-{iid[12:16]}-{iid[16:20]}-{iid[20:32]}"
            t.create(f"/services/{svc}/instances/{iid}", {
                "name": svc, "id": iid, "address": addr, "port": apps[svc]["port"], "sslPort": None,
                "payload": {"@class": "org.quorumlab.samples.InstanceDetails", "zone": f"zone-{'abc'[i % 3]}",
                            "version": "1.14.2", "weight": 100},
                "registrationTimeUTC": t.clock, "serviceType": "DYNAMIC",
                "uriSpec": {"parts": [{"value": "scheme", "variable": True}, {"value": "://", "variable": False},
                                      {"value": "address", "variable": True}, {"value": ":", "variable": False},
                                      {"value": "port", "variable": True}]}})
        t.churn(f"/services/{svc}/instances", 2)  # instances that came and went
    # coordination recipes used by the service itself (lock, leader latch, queue)
    t.create("/locks", None, owner=CONTAINER_OWNER)
    t.create("/locks/deploy-checkout", None, owner=CONTAINER_OWNER)
    t.churn("/locks/deploy-checkout", 11)
    t.create("/locks/deploy-checkout/_c_8e1a5d5e-lock-", "10.0.9.4", sequential=True)
    t.create("/election")
    t.create("/election/config-publisher", None, owner=CONTAINER_OWNER)
    t.churn("/election/config-publisher", 4)
    for host in ("cfg-1", "cfg-2", "cfg-3"):
        t.create("/election/config-publisher/_c_" + hashlib.md5(host.encode()).hexdigest()[:8] + "-latch-",
                 host, sequential=True)
    t.create("/queues/reindex")
    t.churn("/queues/reindex", 20)
    for job in ("users", "orders", "products"):
        t.create("/queues/reindex/qn-", {"job": "reindex", "index": job, "requestedBy": "ops"}, sequential=True)
    return t.document()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "src", "main", "resources", "org", "quorumlab", "assets", "samples")
    os.makedirs(out, exist_ok=True)
    for name, build in (("kafka", kafka), ("hbase-hadoop", hbase_hadoop), ("config-service", config_service)):
        doc = build()
        path = os.path.join(out, f"{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")
        print(f"generate-samples: {os.path.relpath(path)} ({len(doc['nodes'])} nodes, lastZxid {doc['lastZxid']})")


if __name__ == "__main__":
    main()
